import { z } from 'zod';
import { looseBoolean } from '../../catalog/index.js';

/** GET passes dicts and lists as JSON text; POST passes them as JSON. */
function jsonText(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  const s = v.trim();
  if (!s.startsWith('{') && !s.startsWith('[')) return v;
  try {
    return JSON.parse(s) as unknown;
  } catch {
    return v;
  }
}

const JSON_DICT = 'Harus berupa objek JSON / Must be a JSON object';

/** `filters`: a dict (or its JSON text). */
export const FiltersInput = z.preprocess(jsonText, z.record(z.string(), z.unknown(), { message: JSON_DICT }));

/** `q`: text, or a dict per field (or its JSON text). */
export const QInput = z.preprocess(
  jsonText,
  z.union([z.string().max(1000), z.record(z.string(), z.union([z.string().max(1000), z.number()]))]),
);

/** `fields`: a list, a comma-separated string, or a JSON list. */
export const FieldsInput = z.preprocess(
  (v) => {
    const j = jsonText(v);
    return typeof j === 'string' ? j.split(',').filter((s) => s.trim() !== '') : j;
  },
  z.array(z.string().max(200)).max(500),
);

/** `resource_id` (CKAN also accepts `id`). */
export const ResourceIdInput = z.string().min(1).max(100);

export const VersionInput = z.coerce.number().int().min(1).max(1_000_000);

export { looseBoolean };
