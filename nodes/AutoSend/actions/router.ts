import { routerFor } from '../../shared/router';

import * as contact from './contact';
import * as contactList from './contactList';

/** Each resource's index re-exports its operation files under their operation values. */
export const router = routerFor({ contact, contactList });
