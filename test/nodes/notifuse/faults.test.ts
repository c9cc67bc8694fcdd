import { describeFaultMatrix } from '../../reliability/faultSuite';
import { targets } from './targets';

// The reliability fault matrix (test/reliability/faultCases.ts) over every operation of this node.
describeFaultMatrix(targets);
