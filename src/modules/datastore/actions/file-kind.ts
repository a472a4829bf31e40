/**
 * An upload whose content is not what its name says (a text file named `.xlsx`) is refused
 * before anything is created, naming the file (issue #17 item 6): the workbook reader would
 * only find out later, after a broken resource existed.
 */
import type { ActionContext } from '../../../kernel/actions/context.js';
import { ValidationError } from '../../../kernel/errors.js';
import type { StoredUpload } from '../../../kernel/storage/stored-upload.js';

/** Office Open XML workbooks are zip files: they start with "PK\x03\x04". */
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

async function headOf(ctx: ActionContext, key: string, bytes: number): Promise<Buffer> {
  if (!ctx.files) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  for await (const chunk of ctx.files.open(key, { start: 0, end: bytes - 1 }))
    chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).subarray(0, bytes);
}

export async function refuseMislabelledFile(
  ctx: ActionContext,
  upload: StoredUpload | undefined,
): Promise<void> {
  if (!upload || !ctx.files) return;
  if (!/\.(xlsx|xlsm)$/i.test(upload.fileName)) return;
  const head = await headOf(ctx, upload.key, ZIP_MAGIC.length);
  if (head.equals(ZIP_MAGIC)) return;
  throw new ValidationError({
    upload: [
      {
        id: `Berkas "${upload.fileName}" bukan buku kerja Excel (.xlsx) meskipun namanya berakhiran .xlsx: simpan ulang dari Excel sebagai .xlsx, atau unggah sebagai .csv`,
        en: `File "${upload.fileName}" is not an Excel workbook (.xlsx) although its name ends in .xlsx: save it again from Excel as .xlsx, or upload it as .csv`,
      },
    ],
  });
}
