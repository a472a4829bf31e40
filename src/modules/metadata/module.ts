import type { ActionDefinition } from '../../kernel/actions/action.js';
import type { AppModule } from '../../kernel/module.js';
import { addPackageListExtra, addPackageShowExtra, provideSdiMetadata } from '../catalog/index.js';
import { addInheritedSchema } from '../datastore/index.js';
import { CLASSIFICATION_ACTIONS } from './actions/classification.js';
import { CODE_LIST_ACTIONS } from './actions/code-list.js';
import { packageConformityShow } from './actions/conformity.js';
import {
  dataStandardCreate,
  dataStandardList,
  dataStandardShow,
  dataStandardUpdate,
} from './actions/data-standard.js';
import {
  indicatorMetadataCreate,
  indicatorMetadataUpdate,
  packageActivitySet,
  packageStandardSet,
  variableMetadataUpdate,
} from './actions/dataset-metadata-write.js';
import { indicatorMetadataShow, packageMetadataShow, variableMetadataShow } from './actions/metadata-read.js';
import {
  statisticalActivityCreate,
  statisticalActivityList,
  statisticalActivityShow,
  statisticalActivityUpdate,
} from './actions/statistical-activity.js';
import { WORKSHEET_ACTIONS } from './actions/worksheet.js';
import { datasetConformities, datasetConformity } from './conformity.js';
import { standardSchemaOfResource } from './data-standard.repository.js';
import { codeListAdminRoutes } from './pages/code-list-admin.routes.js';
import { codeListRoutes } from './pages/code-list-public.routes.js';
import { metadataRoutes } from './pages/metadata.routes.js';
import { worksheetRoutes } from './pages/worksheet.routes.js';
import { sdiMetadataDict } from './sdi-metadata-dict.js';

/**
 * The SDI principles: data standards, BPS statistical metadata (MS-Keg, MS-Var, MS-Ind),
 * access classification, reference code lists, the conformity score and the worksheet.
 */
export const metadataModule: AppModule = {
  name: 'metadata',
  actions: [
    dataStandardCreate,
    dataStandardUpdate,
    dataStandardShow,
    dataStandardList,
    packageStandardSet,
    statisticalActivityCreate,
    statisticalActivityUpdate,
    statisticalActivityShow,
    statisticalActivityList,
    packageActivitySet,
    variableMetadataUpdate,
    variableMetadataShow,
    indicatorMetadataCreate,
    indicatorMetadataUpdate,
    indicatorMetadataShow,
    packageMetadataShow,
    ...CODE_LIST_ACTIONS,
    ...CLASSIFICATION_ACTIONS,
    packageConformityShow,
    ...WORKSHEET_ACTIONS,
  ] as ActionDefinition[],
  routes: [metadataRoutes, codeListAdminRoutes, codeListRoutes, worksheetRoutes],
  install() {
    provideSdiMetadata(sdiMetadataDict);
    // The SDI conformity score (0–100) beside the metadata in package_show; the checks
    // themselves are in package_conformity_show.
    addPackageShowExtra(async (db, datasetId) => ({
      sdi_conformity_score: (await datasetConformity(db, datasetId)).score,
    }));
    // A resource of a dataset following a standard with columns takes them before its first upload.
    addInheritedSchema(async (db, resourceId) => {
      const s = await standardSchemaOfResource(db, resourceId);
      return s?.table_schema
        ? { schema: s.table_schema, source: { kind: 'data_standard', name: s.name, title: s.title } }
        : null;
    });
    addPackageListExtra(async (db, datasetIds) => {
      const scores = await datasetConformities(db, datasetIds);
      return new Map([...scores].map(([id, c]) => [id, { sdi_conformity_score: c.score }]));
    });
  },
};
