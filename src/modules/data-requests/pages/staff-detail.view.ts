import type { PublicRequestView } from '../presenter.js';

/** The view model of one request as staff see it, and what the actor may do on it. */

export interface StaffDetail extends Omit<PublicRequestView, 'steps' | 'messages'> {
  id: string;
  step: string | null;
  purpose: string;
  region: string | null;
  period: string | null;
  format: string | null;
  delivery: string;
  proposedOutcome: string | null;
  requester: { name: string; email: string; phone: string | null; organisation: string | null } | null;
  hasAgencyFile: boolean;
  /** Reminders and escalations sent on the legal clocks (legal-alerts.ts), oldest first. */
  alerts: {
    clock: 'answer' | 'objection';
    kind: 'reminder' | 'escalation';
    sentAt: Date;
    dueAt: Date;
    recipients: number;
  }[];
  steps: PublicRequestView['steps'];
  messages: PublicRequestView['messages'];
}

export interface StaffOptions {
  staff: { id: string; full_name: string }[];
  agencies: { id: string; name: string }[];
  datasets: { id: string; title: string }[];
  canHandle: boolean;
  canRespond: boolean;
  canDecide: boolean;
}
