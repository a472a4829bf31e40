export { renderSopDocument, type SopDocument } from './document/sop-pdf.js';
export { sopModule } from './module.js';
