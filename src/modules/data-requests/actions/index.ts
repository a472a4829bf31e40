import type { ActionDefinition } from '../../../kernel/actions/action.js';
import { dataRequestClose, dataRequestDeliver } from './request-answer.js';
import { dataRequestCreate, dataRequestVerify } from './request-create.js';
import { dataRequestAssign, dataRequestExtend, dataRequestRoute } from './request-handle.js';
import { dataRequestList, dataRequestShow } from './request-read.js';
import { dataRequestObject, dataRequestObjectionAnswer, dataRequestRate } from './request-requester.js';
import { dataRequestRespond } from './request-respond.js';
import { dataRequestSettingsUpdate } from './request-settings.js';

/** Every action of the service (the API names of issue 14 item 6, plus verify and the objection's answer). */
export const DATA_REQUEST_ACTIONS = [
  dataRequestCreate,
  dataRequestVerify,
  dataRequestShow,
  dataRequestList,
  dataRequestAssign,
  dataRequestRoute,
  dataRequestRespond,
  dataRequestDeliver,
  dataRequestClose,
  dataRequestExtend,
  dataRequestObject,
  dataRequestObjectionAnswer,
  dataRequestRate,
  dataRequestSettingsUpdate,
] as ActionDefinition[];
