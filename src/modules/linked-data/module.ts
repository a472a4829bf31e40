import type { AppModule } from '../../kernel/module.js';
import { linkedDataRoutes } from './linked-data.routes.js';

/** Linked data: DCAT-AP 3 catalog (Turtle, JSON-LD, RDF/XML) and schema.org Dataset JSON-LD. */
export const linkedDataModule: AppModule = { name: 'linked-data', routes: [linkedDataRoutes] };
