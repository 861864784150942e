import { isReachable, type Db } from '../db';

/** Whether the store answers: what the health check reports to the load balancer. */
export async function storeIsHealthy(db: Db): Promise<boolean> {
	return isReachable(db);
}
