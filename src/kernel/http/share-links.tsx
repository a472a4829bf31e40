import { defineMessages, type Locale } from '../i18n/i18n.js';
import { shareLinks } from './share-head.js';

const shareText = defineMessages<'share.title' | 'share.via'>({
  id: { 'share.title': 'Bagikan', 'share.via': 'Bagikan lewat {service} (membuka situs {service})' },
  en: { 'share.title': 'Share', 'share.via': 'Share on {service} (opens {service})' },
});

/**
 * "Bagikan": plain links to share a public page (`url` absolute) on WhatsApp, Facebook, X,
 * Telegram, LinkedIn or by e-mail. Links only: no script, no embedded button, no tracker.
 */
export function ShareLinks({ locale, url, title }: { locale: Locale; url: string; title: string }) {
  return (
    <nav class="share-links" aria-labelledby="share-title">
      <h2 id="share-title" safe>
        {shareText(locale, 'share.title')}
      </h2>
      <ul>
        {shareLinks(url, title, locale).map((l) => (
          <li>
            <a
              href={l.href}
              data-share={l.id}
              rel="noopener noreferrer"
              title={shareText(locale, 'share.via', { service: l.label })}
              safe
            >
              {l.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
