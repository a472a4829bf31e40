import type { PageContext } from '../../../kernel/http/page-context.js';
import type { StaffDetail, StaffOptions } from './staff-detail.view.js';
import { NoteField, Post, ReasonSelect } from './staff-form-parts.js';
import { b, say } from './text.js';

/** The forms of the step the request is at, as the actor may act on them. */
export function StepForms({ ctx, d, o }: { ctx: PageContext; d: StaffDetail; o: StaffOptions }) {
  const l = ctx.locale;
  const forms: JSX.Element[] = [];
  if (o.canHandle && d.step === 'assign_staff')
    forms.push(
      <Post ctx={ctx} id={d.id} verb="assign">
        <label for="assignee" safe>
          {say(l, b('Disposisi kepada petugas', 'Assign to staff member'))}
        </label>
        <select id="assignee" name="assignee_id" required>
          {o.staff.map((s) => (
            <option value={s.id} safe>
              {s.full_name}
            </option>
          ))}
        </select>
        <button type="submit" safe>
          {say(l, b('Disposisikan', 'Assign'))}
        </button>
      </Post>,
    );
  if (o.canHandle && d.step === 'check_availability')
    forms.push(
      <Post ctx={ctx} id={d.id} verb="deliver">
        <label for="dataset" safe>
          {say(
            l,
            b('Data tersedia: pilih dataset yang sudah terbit', 'Available: choose the published dataset'),
          )}
        </label>
        <select id="dataset" name="dataset_id" required>
          {o.datasets.map((s) => (
            <option value={s.id} safe>
              {s.title}
            </option>
          ))}
        </select>
        <NoteField ctx={ctx} />
        <button type="submit" safe>
          {say(l, b('Sampaikan tautan dataset', 'Deliver the dataset link'))}
        </button>
      </Post>,
    );
  if (o.canHandle && (d.step === 'check_availability' || d.step === 'contact_agency'))
    forms.push(
      <Post ctx={ctx} id={d.id} verb="route">
        <label for="agency" safe>
          {say(
            l,
            b(
              'Belum tersedia: teruskan ke perangkat daerah pengampu data',
              'Not at hand: pass to the agency that holds the data',
            ),
          )}
        </label>
        <select id="agency" name="agency_id" required>
          {o.agencies.map((a) => (
            <option value={a.id} safe>
              {a.name}
            </option>
          ))}
        </select>
        <button type="submit" safe>
          {say(l, b('Teruskan', 'Route'))}
        </button>
      </Post>,
    );
  if (o.canRespond && d.step === 'agency_confirms') {
    forms.push(
      <Post ctx={ctx} id={d.id} verb="respond" multipart>
        <input type="hidden" name="available" value="true" />
        <label for="upload" safe>
          {say(l, b('Data tersedia: unggah berkasnya', 'Available: upload the file'))}
        </label>
        <input id="upload" name="upload" type="file" required />
        <NoteField ctx={ctx} />
        <button type="submit" safe>
          {say(l, b('Kirim data', 'Send the data'))}
        </button>
      </Post>,
    );
    forms.push(
      <Post ctx={ctx} id={d.id} verb="respond-none">
        <input type="hidden" name="available" value="false" />
        <p safe>{say(l, b('Data tidak tersedia', 'Data not available'))}</p>
        <ReasonSelect ctx={ctx} />
        <NoteField ctx={ctx} />
        <button type="submit" safe>
          {say(l, b('Konfirmasi tidak tersedia', 'Confirm not available'))}
        </button>
      </Post>,
    );
  }
  if (o.canHandle && (d.step === 'hand_to_staff' || d.step === 'deliver_result'))
    forms.push(
      <Post ctx={ctx} id={d.id} verb="deliver">
        <p safe>
          {say(
            l,
            d.hasAgencyFile
              ? b('Berkas dari perangkat daerah siap disampaikan.', 'The agency’s file is ready to deliver.')
              : b(
                  'Dataset dari perangkat daerah siap disampaikan.',
                  'The agency’s dataset is ready to deliver.',
                ),
          )}
        </p>
        <NoteField ctx={ctx} />
        <button type="submit" safe>
          {say(l, b('Sampaikan kepada pemohon', 'Deliver to the requester'))}
        </button>
      </Post>,
    );
  if (o.canHandle && d.step === 'confirm_closure')
    forms.push(
      <Post ctx={ctx} id={d.id} verb="close">
        <ReasonSelect ctx={ctx} selected={d.proposedOutcome} />
        <label for="legal_ground" safe>
          {say(l, b('Dasar hukum (wajib untuk pengecualian)', 'Legal ground (required for an exemption)'))}
        </label>
        <input id="legal_ground" name="legal_ground" maxlength="500" />
        <NoteField ctx={ctx} required />
        <button type="submit" safe>
          {say(l, b('Tutup: data tidak tersedia', 'Close: data not available'))}
        </button>
      </Post>,
    );
  if (o.canHandle && d.state === 'open' && !d.extension)
    forms.push(
      <Post ctx={ctx} id={d.id} verb="extend">
        <label for="ext-reason" safe>
          {say(
            l,
            b(
              'Perpanjang 7 hari kerja — alasan (ditampilkan kepada pemohon)',
              'Extend by 7 working days — reason (shown to the requester)',
            ),
          )}
        </label>
        <input id="ext-reason" name="reason" required maxlength="2000" />
        <button type="submit" safe>
          {say(l, b('Perpanjang', 'Extend'))}
        </button>
      </Post>,
    );
  if (o.canDecide && d.objection && !d.objection.answeredAt)
    forms.push(
      <Post ctx={ctx} id={d.id} verb="objection">
        <label for="decision" safe>
          {say(l, b('Keputusan atas keberatan', 'Decision on the objection'))}
        </label>
        <select id="decision" name="decision">
          <option value="upheld" safe>
            {say(l, b('Diterima', 'Upheld'))}
          </option>
          <option value="rejected" safe>
            {say(l, b('Ditolak', 'Rejected'))}
          </option>
        </select>
        <label for="answer" safe>
          {say(l, b('Jawaban', 'Answer'))}
        </label>
        <textarea id="answer" name="answer" required maxlength="4000" rows="3" />
        <button type="submit" safe>
          {say(l, b('Kirim jawaban', 'Send the answer'))}
        </button>
      </Post>,
    );
  return <>{forms}</>;
}
