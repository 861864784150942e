import { invalidateAll } from '$app/navigation';

/**
 * Reloads the page's data while a workshop is running, at most once a second, so live ratings reach
 * the gap view and the slides without making the room's view jitter. Returns the cleanup for onMount.
 */
export function refreshWhileRunning(workshop: { id: number; status: string } | null): (() => void) | undefined {
	if (!workshop || workshop.status === 'ended') return undefined;
	const source = new EventSource(`/api/workshops/${workshop.id}/events`);
	let timer: ReturnType<typeof setTimeout> | undefined;
	const refresh = () => {
		timer ??= setTimeout(() => {
			timer = undefined;
			void invalidateAll();
		}, 1000);
	};
	for (const type of ['rating', 'state']) source.addEventListener(type, refresh);
	return () => {
		clearTimeout(timer);
		source.close();
	};
}
