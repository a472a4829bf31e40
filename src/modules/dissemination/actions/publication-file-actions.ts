import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { type ActionContext, mutate } from '../../../kernel/actions/context.js';
import { ConflictError, ValidationError } from '../../../kernel/errors.js';
import { StoredUploadSchema } from '../../../kernel/storage/stored-upload.js';
import {
  MAX_PUBLICATION_FILE_BYTES,
  publicFileName,
  SNIFF_BYTES,
  sniffFileType,
} from '../domain/file-kind.js';
import { findPublication, lockPublication } from '../publication.repository.js';
import { listFiles } from '../publication-files.repository.js';
import { awaitsStaff } from '../publication-flow.js';
import { newVersion } from '../publication-versions.js';
import { maySee, NAME, notFound } from './publication-input.js';

/** The address of one file of one version (the publication page links it). */
export const fileUrl = (name: string, version: number, fileName: string) =>
  `/publikasi/${name}/berkas/${version}/${fileName}`;

async function headOf(ctx: ActionContext, key: string): Promise<Buffer> {
  if (!ctx.files) throw new Error('a publication file needs the file store');
  const chunks: Buffer[] = [];
  for await (const chunk of ctx.files.open(key, { start: 0, end: SNIFF_BYTES - 1 }))
    chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).subarray(0, SNIFF_BYTES);
}

/** The drafting staff of a publication in their reach (as publication_update). */
export async function authorizeDraftEdit(ctx: ActionContext, name: string) {
  const p = await findPublication(ctx.db, name);
  if (!p || !maySee(ctx, p)) throw notFound();
  authorize(ctx.actor, 'publication:create', { agencyId: p.agency_id });
}

const locked = (title: string) =>
  new ConflictError({
    id: `Publikasi "${title}" sedang diperiksa atau sudah terbit; berkasnya tidak dapat diubah`,
    en: `Publication "${title}" is being checked or is published; its files cannot be changed`,
  });

/**
 * publication_file_add: an image (PNG, JPEG, WebP) or a PDF for the draft, known by its first
 * bytes; a new version of the publication that keeps the files it had. Not public before approval.
 */
export const publicationFileAdd = defineAction({
  name: 'publication_file_add',
  sideEffectFree: false,
  requires: 'publication:create',
  acceptsUpload: true,
  input: z.object({
    name: NAME,
    upload: StoredUploadSchema.optional(),
  }),
  authorize: (ctx, input) => authorizeDraftEdit(ctx, input.name),
  async run(ctx, input) {
    const upload = input.upload;
    if (!upload)
      throw new ValidationError({
        upload: [{ id: 'Pilih berkas gambar atau PDF', en: 'Choose an image or PDF file' }],
      });
    if (upload.size > MAX_PUBLICATION_FILE_BYTES)
      throw new ValidationError({
        upload: [
          {
            id: `Berkas "${upload.fileName}" lebih dari ${MAX_PUBLICATION_FILE_BYTES / 1024 / 1024} MB`,
            en: `File "${upload.fileName}" is larger than ${MAX_PUBLICATION_FILE_BYTES / 1024 / 1024} MB`,
          },
        ],
      });
    const type = sniffFileType(await headOf(ctx, upload.key));
    if (!type)
      throw new ValidationError({
        upload: [
          {
            id: `Berkas "${upload.fileName}" bukan gambar PNG, JPEG, WebP atau PDF`,
            en: `File "${upload.fileName}" is not a PNG, JPEG or WebP image or a PDF`,
          },
        ],
      });
    const fileName = publicFileName(upload.fileName, type);
    return mutate(ctx, async (trx, audit) => {
      const p = await lockPublication(trx, input.name);
      if (!p) throw notFound();
      if (!(await awaitsStaff(trx, p))) throw locked(p.title);
      const count = (await listFiles(trx, p.id, p.version)).length;
      const version = await newVersion(
        trx,
        p,
        {},
        {
          add: [
            {
              file_name: fileName,
              content_type: type,
              origin: 'upload',
              storage_key: upload.key,
              size: upload.size,
              hash: upload.hash,
              position: 10 + count,
              created_by: ctx.actor.userId,
            },
          ],
        },
      );
      await audit({
        action: 'publication_file_add',
        subjectType: 'publication',
        subjectId: p.id,
        summary: { name: p.name, version, file: fileName, type, size: upload.size, hash: upload.hash },
      });
      return { name: p.name, version, file: fileName, url: fileUrl(p.name, version, fileName) };
    });
  },
});

/** publication_file_remove: a new version of the draft without one of its files (earlier versions keep it). */
export const publicationFileRemove = defineAction({
  name: 'publication_file_remove',
  sideEffectFree: false,
  requires: 'publication:create',
  input: z.object({ name: NAME, file: z.string().regex(/^[a-z0-9.-]{1,100}$/) }),
  authorize: (ctx, input) => authorizeDraftEdit(ctx, input.name),
  async run(ctx, input) {
    return mutate(ctx, async (trx, audit) => {
      const p = await lockPublication(trx, input.name);
      if (!p) throw notFound();
      if (!(await awaitsStaff(trx, p))) throw locked(p.title);
      const files = await listFiles(trx, p.id, p.version);
      if (!files.some((f) => f.file_name === input.file))
        throw new ValidationError({
          file: [{ id: `Tidak ada berkas ${input.file}`, en: `There is no file ${input.file}` }],
        });
      const version = await newVersion(trx, p, {}, { drop: (f) => f.file_name === input.file });
      await audit({
        action: 'publication_file_remove',
        subjectType: 'publication',
        subjectId: p.id,
        summary: { name: p.name, version, file: input.file },
      });
      return { name: p.name, version };
    });
  },
});
