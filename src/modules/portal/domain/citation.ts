/**
 * "Cite this dataset": a plain citation in the style Indonesian statistics offices use (agency,
 * year, title, version, publisher, address, access date), BibTeX and RIS. Pure; the dataset page
 * passes what package_show returned.
 */
export interface CitationInput {
  agency: string;
  title: string;
  name: string;
  version: string;
  /** ISO date of the cited state (the dataset's last change). */
  date: string;
  publisher: string;
  url: string;
  /** ISO date the reader looks at it. */
  accessed: string;
}

export interface Citation {
  plain: string;
  bibtex: string;
  ris: string;
}

/** BibTeX needs its specials escaped; braces keep an agency name from being split into persons. */
function bib(v: string): string {
  return v.replace(/[\\{}]/g, '').replace(/([&%$#_])/g, '\\$1');
}

/** RIS is line based: a value keeps to one line. */
const ris = (v: string) => v.replace(/\s+/g, ' ').trim();

export function citation(c: CitationInput, labels: { version: string; accessed: string }): Citation {
  const year = c.date.slice(0, 4);
  const key = `${c.name.replace(/[^A-Za-z0-9]/g, '')}${year}`;
  const plain =
    `${c.agency}. (${year}). ${c.title}` +
    (c.version ? ` (${labels.version})` : '') +
    ` [Data set]. ${c.publisher}. ${c.url} (${labels.accessed}).`;
  const bibtex = [
    `@misc{${key},`,
    `  author = {{${bib(c.agency)}}},`,
    `  title = {${bib(c.title)}},`,
    `  year = {${year}},`,
    ...(c.version ? [`  version = {${bib(c.version)}},`] : []),
    `  publisher = {${bib(c.publisher)}},`,
    `  howpublished = {\\url{${c.url}}},`,
    `  urldate = {${c.accessed}},`,
    '  note = {Data set}',
    '}',
  ].join('\n');
  const risText = [
    'TY  - DATA',
    `AU  - ${ris(c.agency)}`,
    `TI  - ${ris(c.title)}`,
    `PY  - ${year}`,
    `DA  - ${c.date.slice(0, 10).replace(/-/g, '/')}`,
    ...(c.version ? [`ET  - ${ris(c.version)}`] : []),
    `PB  - ${ris(c.publisher)}`,
    `UR  - ${c.url}`,
    `Y2  - ${c.accessed.replace(/-/g, '/')}`,
    'ER  - ',
  ].join('\n');
  return { plain, bibtex, ris: risText };
}
