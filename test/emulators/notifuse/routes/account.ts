import type { EmuRequest, EmuResponse } from '../../common';
import { errorResponse } from '../errors';
import { userView, workspaceView } from '../views';
import type { Route, RouteContext } from './context';

/** GET /api/workspaces.get?id= — the cheap credential test. */
export const workspacesGet: Route = {
	method: 'GET',
	handle(req: EmuRequest, ctx: RouteContext): EmuResponse {
		const id = req.query.get('id') ?? '';
		if (!id) return errorResponse(400, 'Missing workspace ID');
		const workspace = ctx.store.workspaces.get(id);
		if (!workspace) return errorResponse(404, 'Workspace not found');
		if (!ctx.user.memberships.has(id)) return errorResponse(500, 'Failed to get workspace');
		return { status: 200, body: { workspace: workspaceView(workspace) } };
	},
};

/** GET /api/user.me — the caller and the workspaces it belongs to. */
export const userMe: Route = {
	method: 'GET',
	handle(_req: EmuRequest, ctx: RouteContext): EmuResponse {
		const workspaces = [...ctx.user.memberships.keys()]
			.map((id) => ctx.store.workspaces.get(id))
			.filter((w) => w !== undefined)
			.map(workspaceView);
		return { status: 200, body: { user: userView(ctx.user), workspaces } };
	},
};
