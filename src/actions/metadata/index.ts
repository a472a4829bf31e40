import type { ActionDefinition } from '../action.js';
import {
  dataStandardCreate,
  dataStandardList,
  dataStandardShow,
  dataStandardUpdate,
} from './data-standard.js';
import {
  indicatorMetadataCreate,
  indicatorMetadataUpdate,
  packageActivitySet,
  packageStandardSet,
  variableMetadataUpdate,
} from './dataset-metadata-write.js';
import { indicatorMetadataShow, packageMetadataShow, variableMetadataShow } from './metadata-read.js';
import {
  statisticalActivityCreate,
  statisticalActivityList,
  statisticalActivityShow,
  statisticalActivityUpdate,
} from './statistical-activity.js';

/** The metadata area's actions, registered in ../registry.ts. */
export const METADATA_ACTIONS: ActionDefinition[] = [
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
] as ActionDefinition[];
