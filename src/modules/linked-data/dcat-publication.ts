import type { NamedNode } from 'n3';
import type { CatalogPublication } from '../dissemination/index.js';
import { addAgent, addAuthorityTerm, type LinkedDataContext } from './dcat-dataset.js';
import { mediaTypeUri } from './file-formats.js';
import { type Graph, node, plain, text, typed } from './graph.js';
import { dcat, dct, foaf, prov } from './vocab.js';

/** DCMI Type of each publication kind (an infographic is an image; the others are text). */
const DCMI_TYPE: Record<CatalogPublication['kind'], string> = {
  infographic: 'http://purl.org/dc/dcmitype/Image',
  presentation: 'http://purl.org/dc/dcmitype/Text',
  report: 'http://purl.org/dc/dcmitype/Text',
  book: 'http://purl.org/dc/dcmitype/Text',
};

/** A publication's URI: `{site}/publikasi/{name}#publikasi` (its page without the fragment is the landing page). */
export const publicationUri = (siteUrl: string, name: string) => `${siteUrl}/publikasi/${name}#publikasi`;

/**
 * A published publication (infographic, presentation, report, data book) as a dcat:Dataset
 * typed by DCMI Type, with its downloads as distributions and the datasets its charts show as
 * prov:wasDerivedFrom, so a harvester lists it beside the data it is made from.
 */
export function addPublication(g: Graph, ctx: LinkedDataContext, p: CatalogPublication): NamedNode {
  const uri = publicationUri(ctx.siteUrl, p.name);
  const pub = node(uri);
  g.type(pub, dcat('Dataset'));
  g.add(pub, dct('identifier'), plain(uri));
  g.add(pub, dct('type'), node(DCMI_TYPE[p.kind]));
  g.add(pub, dct('title'), text(p.title));
  if (p.titleEn) g.add(pub, dct('title'), text(p.titleEn, 'en'));
  g.add(pub, dct('description'), text(p.description));
  if (p.descriptionEn) g.add(pub, dct('description'), text(p.descriptionEn, 'en'));
  g.add(pub, dct('issued'), typed(p.issued.toISOString(), 'dateTime'));
  g.add(pub, dct('modified'), typed(p.modified.toISOString(), 'dateTime'));
  if (p.agency)
    g.add(
      pub,
      dct('publisher'),
      addAgent(g, `${ctx.siteUrl}/organization/${encodeURIComponent(p.agency.code)}`, p.agency.name),
    );
  if (p.topic) g.add(pub, dcat('theme'), node(`${ctx.siteUrl}/group/${encodeURIComponent(p.topic)}`));
  const page = node(`${ctx.siteUrl}/publikasi/${p.name}`);
  g.add(pub, dcat('landingPage'), page);
  g.type(page, foaf('Document'));
  g.add(pub, dct('language'), addAuthorityTerm(g, 'language', 'IND', dct('LinguisticSystem')));
  g.add(pub, dct('accessRights'), addAuthorityTerm(g, 'access-right', 'PUBLIC', dct('RightsStatement')));
  for (const id of p.datasetIds) g.add(pub, prov('wasDerivedFrom'), node(`${ctx.siteUrl}/dataset/${id}`));
  for (const d of p.distributions) {
    const url = node(`${ctx.siteUrl}${d.path}`);
    const dist = node(`${ctx.siteUrl}/publikasi/${p.name}/distribusi${d.path}`);
    g.type(dist, dcat('Distribution'));
    g.add(dist, dct('title'), text(d.title));
    g.add(dist, dcat('accessURL'), url);
    g.add(dist, dcat('downloadURL'), url);
    const media = mediaTypeUri(d.mediaType);
    if (media) {
      g.add(dist, dcat('mediaType'), node(media));
      g.type(node(media), dct('MediaType'));
    }
    g.add(pub, dcat('distribution'), dist);
  }
  return pub;
}
