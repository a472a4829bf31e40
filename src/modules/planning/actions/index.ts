import { forumDecisionRecord, forumMeetingCreate, forumMeetingShow, forumMinutesRecord } from './forum.js';
import {
  dataListItemCreate,
  dataListItemDelete,
  dataListItemLink,
  dataListItemRespond,
  dataListItemUpdate,
} from './items.js';
import { dataListCopy, dataListDiff, dataListExport, dataListImport, dataListShow } from './list.js';
import {
  dataProposalCreate,
  dataProposalFromRequests,
  dataProposalImportNeeds,
  dataProposalList,
  dataProposalModerate,
} from './proposals.js';
import { dataListEnact, planningRecordDownload, planningRecordGenerate } from './records.js';
import { statisticalActivityFs3Record, statisticalActivityRecommendationSet } from './romantik.js';

export const PLANNING_ACTIONS = [
  dataListShow,
  dataListExport,
  dataListImport,
  dataListCopy,
  dataListDiff,
  dataListItemCreate,
  dataListItemUpdate,
  dataListItemDelete,
  dataListItemRespond,
  dataListItemLink,
  dataProposalCreate,
  dataProposalList,
  dataProposalModerate,
  dataProposalFromRequests,
  dataProposalImportNeeds,
  forumMeetingCreate,
  forumMeetingShow,
  forumMinutesRecord,
  forumDecisionRecord,
  planningRecordGenerate,
  planningRecordDownload,
  dataListEnact,
  statisticalActivityRecommendationSet,
  statisticalActivityFs3Record,
];
