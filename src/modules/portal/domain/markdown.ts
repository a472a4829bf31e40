import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

/** One Markdown parser for the portal's pages: GitHub-flavoured, no raw HTML trusted. */
const marked = new Marked({ gfm: true, breaks: false, async: false });

/**
 * Elements and attributes a page may keep after rendering: text structure, links, tables. No
 * script, style, iframe, form, event handler or inline style survives, whatever the Markdown holds
 * (raw HTML in Markdown is parsed by marked and then cleaned here).
 */
const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: [
    'h2',
    'h3',
    'h4',
    'p',
    'br',
    'hr',
    'ul',
    'ol',
    'li',
    'strong',
    'em',
    'code',
    'pre',
    'blockquote',
    'a',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: { a: ['href', 'title'], th: ['scope'] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowProtocolRelative: false,
  // A heading level 1 belongs to the page's own title: `# x` becomes a level-2 heading.
  transformTags: { h1: 'h2' },
};

/** Markdown → sanitised HTML, safe to place in a page as it is. */
export function renderMarkdown(markdown: string): string {
  const html = marked.parse(markdown) as string;
  return sanitizeHtml(html, ALLOWED);
}
