import { invalidateAll } from '$app/navigation';
import { openLiveStream } from './stream';

/**
 * Reloads the page's data at most once per `ms`: the first request schedules the reload, the ones
 * until it runs join it. For pages that reload on every live event, so a busy room does not make
 * the view jitter. `cancel` drops a scheduled reload (call it when the page is destroyed).
 */
export function throttledInvalidate(ms = 1000): { request: () => void; cancel: () => void } {
	let timer: ReturnType<typeof setTimeout> | undefined;
	return {
		request() {
			timer ??= setTimeout(() => {
				timer = undefined;
				void invalidateAll();
			}, ms);
		},
		cancel() {
			clearTimeout(timer);
			timer = undefined;
		}
	};
}

/**
 * Reloads the page's data while a workshop is running, at most once a second, so live ratings reach
 * the gap view and the slides without making the room's view jitter. Returns the cleanup for onMount.
 */
export function refreshWhileRunning(workshop: { id: number; status: string } | null): (() => void) | undefined {
	if (!workshop || workshop.status === 'ended') return undefined;
	const reload = throttledInvalidate();
	const stream = openLiveStream(`/api/workshops/${workshop.id}/events`, { on: { rating: reload.request, state: reload.request } });
	return () => {
		reload.cancel();
		stream.close();
	};
}
