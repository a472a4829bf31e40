import type { DataList, DataProposal, ForumMeeting } from '../../../kernel/db/schema/planning.js';
import type { Agency } from '../../../kernel/db/schema.js';
import type { ItemRow } from '../data-list.repository.js';
import { type ItemTextField, LIST_COLUMNS } from '../domain/columns.js';
import type { FulfilmentState } from '../fulfilment.repository.js';
import type { ListProblem } from '../list-xlsx.js';
import type { PmKey } from './planning.messages.js';

export interface YearView {
  year: number;
  list: DataList | undefined;
  items: ItemRow[];
  fulfilment: Map<string, { state: FulfilmentState; datasets: { name: string; title: string }[] }>;
  proposals: (DataProposal & { agency_name: string | null })[] | null;
  /** What a row may be linked to (its data standard, its agency's statistical activities). */
  standards: { id: string; title: string; sdsn_code: string | null }[];
  activities: { id: string; title: string; agency_id: string }[];
  /** Unmet public data requests not yet turned into proposals for this year (custodian only). */
  unmetRequests: number;
  meetings: ForumMeeting[];
  records: { kind: string; generated_at: Date }[];
  owed: {
    id: string;
    period: string;
    due_on: string;
    id_ddd: string;
    data_name: string;
    agency_id: string;
  }[];
  agencies: Agency[];
  years: number[];
  diff?:
    | {
        other: number;
        added: string[];
        removed: string[];
        changed: { id_ddd: string; columns: { column: string }[] }[];
      }
    | undefined;
  problems?: ListProblem[] | undefined;
  errors?: Record<string, string[]> | undefined;
  typed?: Record<string, string> | undefined;
}

export type M = (k: PmKey, p?: Record<string, string | number>) => string;

/** The §3.5 header of an item field, as the 19-column format names it. */
export const columnHeader = (field: ItemTextField | 'agency') =>
  LIST_COLUMNS.find((c) => c.field === field)?.header ?? field;

/** A producer's answer on a row, as text ('' when it has not answered). */
export function answerText(i: Pick<ItemRow, 'producer_response' | 'producer_reason'>, m: M): string {
  if (!i.producer_response) return '';
  const word = m(i.producer_response === 'agree' ? 'p.agree' : 'p.refuse');
  return i.producer_reason ? `${word}: ${i.producer_reason}` : word;
}
