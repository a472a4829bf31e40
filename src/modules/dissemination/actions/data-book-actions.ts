import { z } from 'zod';
import { ANONYMOUS, authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { mutate } from '../../../kernel/actions/context.js';
import { ValidationError } from '../../../kernel/errors.js';
import { collectBook } from '../book/book-content.js';
import { bookHash, sourcesOf } from '../book/book-hash.js';
import { BookSpecSchema } from '../book/book-spec.js';
import { findEditionIdByHash, findPublication, insertEdition } from '../publication.repository.js';
import { maySee, NAME, notFound } from './publication-input.js';

/**
 * data_book_generate: an edition of a data book from the published tables as they are now (read
 * as the public reads them). The same data give the same content hash and the same edition.
 */
export const dataBookGenerate = defineAction({
  name: 'data_book_generate',
  sideEffectFree: false,
  requires: 'data_book:generate',
  input: z.object({ name: NAME, year: z.coerce.number().int().min(2000).max(2100) }),
  async authorize(ctx, input) {
    const p = await findPublication(ctx.db, input.name);
    if (!p || !maySee(ctx, p)) throw notFound();
    authorize(ctx.actor, 'data_book:generate', { agencyId: p.agency_id });
  },
  async run(ctx, input) {
    const p = await findPublication(ctx.db, input.name);
    if (!p) throw notFound();
    if (p.kind !== 'book' || !p.book)
      throw new ValidationError({
        name: [{ id: 'Publikasi ini bukan buku data', en: 'This publication is not a data book' }],
      });
    const spec = BookSpecSchema.parse(p.book);
    const content = await collectBook(ctx.db, ANONYMOUS, spec, input.year);
    const hash = bookHash(content);
    return mutate(ctx, async (trx, audit) => {
      const existing = await findEditionIdByHash(trx, hash);
      if (!existing) {
        const e = await insertEdition(trx, {
          publication_id: p.id,
          hash,
          year: input.year,
          content: JSON.stringify(content),
          sources: JSON.stringify(sourcesOf(content)),
          created_by: ctx.actor.userId,
        });
        await audit({
          action: 'data_book_generate',
          subjectType: 'data_book_edition',
          subjectId: e.id,
          summary: { name: p.name, year: input.year, hash },
        });
      } else {
        await audit({
          action: 'data_book_generate',
          subjectType: 'data_book_edition',
          subjectId: existing.id,
          summary: { name: p.name, year: input.year, hash, unchanged: true },
        });
      }
      return {
        name: p.name,
        hash,
        year: input.year,
        new_edition: !existing,
        pdf: `/publikasi/${p.name}.pdf`,
        verify: `/publikasi/verifikasi/${hash}`,
      };
    });
  },
});
