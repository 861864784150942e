import { tick, untrack } from 'svelte';
import { SvelteSet } from 'svelte/reactivity';
import { invalidateAll } from '$app/navigation';
import { format, type ParticipantMessages } from '$lib/i18n/participant/messages';
import { openLiveStream } from '$lib/live/stream';
import { RatingSaver, type RatingValue } from './rating-saver.svelte';

/** An area as the participant page lists it (names in the participant's language). */
export interface ParticipantArea {
	number: number;
	name: string;
	description: string;
}

/** What the live state needs of the participant page's data. */
export interface LiveWorkshopData {
	workshop: {
		code: string;
		status: string;
		areas: ParticipantArea[];
		openAreas: number[];
		/** Areas someone has rated: open once, so a closed one says "closed", not "not yet open". */
		openedBefore: number[];
	};
	ballot: { ratings: Record<number, number | null> } | null;
}

/** The rating the server holds for this device in one area (`has` false: none yet). */
export interface HeldRating {
	has: boolean;
	level: number | null;
}

/** The participants' live stream sends only this (api/w/[code]/events). */
type LiveState = { status: string; openAreas: number[] };

/** Radios fire `change` on every arrow key: a change an arrow key caused waits this long for the next one. */
const ARROW_DELAY_MS = 700;

/**
 * The participant page's live state (JavaScript on): the workshop's status and open areas from the
 * live stream, the order in which areas are shown, and saving ratings as they are chosen. The
 * page's data is the starting point; without JavaScript none of this runs and the page is plain
 * forms.
 *
 * Create it while the page initialises (it sets up effects) and call `connect` in onMount.
 *
 * Layout: open areas first (in area order), then every other area as one line. The rendered list
 * `shownOpen` follows `openNow`, but never while a rating is on its way (the area would move under
 * the finger that just tapped it): it catches up as soon as the save returns. When it changes while
 * focus is inside an area's form (the person is choosing), that area stays where it is on the
 * screen: new open areas are inserted above it and the scroll position is corrected by the height
 * they add, so nothing jumps; the new area is announced (aria-live) and a link at the bottom of the
 * screen leads up to it (`jumpTo`). Without focus in a form the person is not choosing, so the page
 * simply shows the new order, whose top is the newly opened area.
 */
export class LiveWorkshop {
	readonly #data: () => LiveWorkshopData;
	readonly #messages: () => ParticipantMessages;
	#lastArrow = 0;

	/** The last state from the stream; null until the first one arrived. */
	latest = $state<LiveState | null>(null);
	connected = $state(true);
	/** True once the page runs in the browser (the save line replaces the save button). */
	hydrated = $state(false);
	shownOpen = $state<number[]>([]);
	/** Names the areas that just opened (an aria-live line). */
	announcement = $state('');
	/** An area that opened above the screen: the link that leads up to it. */
	jumpTo = $state<number | null>(null);

	readonly saver: RatingSaver;
	/** Areas a 409 `areaClosed` told us about before the stream did. */
	readonly closedLocally = new SvelteSet<number>();
	/** Areas this page has seen open (for "closed" rather than "not yet open"). */
	readonly seenOpen: SvelteSet<number>;

	readonly status: string;
	/** The server's truth about which areas take ratings now. */
	readonly openNow: number[];
	/** The areas as shown: open ones first, in area order. */
	readonly ordered: ParticipantArea[];

	constructor(data: () => LiveWorkshopData, messages: () => ParticipantMessages) {
		this.#data = data;
		this.#messages = messages;
		const start = untrack(data).workshop;
		this.shownOpen = [...start.openAreas];
		this.seenOpen = new SvelteSet([...start.openAreas, ...start.openedBefore]);
		this.saver = new RatingSaver(`/api/w/${start.code}/ratings`, () => this.#scheduleLayout());
		this.status = $derived(this.latest?.status ?? data().workshop.status);
		this.openNow = $derived((this.latest?.openAreas ?? data().workshop.openAreas).filter((a) => !this.closedLocally.has(a)));
		this.ordered = $derived([
			...data().workshop.areas.filter((a) => this.shownOpen.includes(a.number)),
			...data().workshop.areas.filter((a) => !this.shownOpen.includes(a.number))
		]);

		$effect(() => {
			const target = this.openNow;
			for (const a of target) this.seenOpen.add(a);
			if (target.join() !== untrack(() => this.shownOpen.join())) this.#scheduleLayout();
		});
		// A late rating: the area closed before it arrived. Show it closed at once, with the message.
		$effect(() => {
			for (const [area, code] of Object.entries(this.saver.errors)) if (code === 'areaClosed') this.closedLocally.add(Number(area));
		});
	}

	/** Opens the live stream and listens to the window; returns the cleanup (for onMount). */
	connect(): () => void {
		this.hydrated = true;
		// Every (re)connect begins with the full state, so a break needs no resync of its own.
		const stream = openLiveStream<{ state: LiveState }>(`/api/w/${this.#data().workshop.code}/events`, {
			on: {
				state: (next) => {
					const live = this.latest;
					const reopened = live && next.openAreas.some((a) => !live.openAreas.includes(a));
					this.closedLocally.clear();
					this.latest = next;
					this.connected = true;
					// A freshly opened area may already carry this device's rating from before.
					if (reopened) void invalidateAll();
				}
			},
			onError: () => (this.connected = false)
		});
		const onScroll = () => {
			if (this.jumpTo === null) return;
			const el = document.getElementById(`area-${this.jumpTo}`);
			if (!el || el.getBoundingClientRect().top >= 0) this.jumpTo = null;
		};
		window.addEventListener('scroll', onScroll, { passive: true });
		window.addEventListener('online', this.saver.retryNow);
		return () => {
			stream.close();
			this.saver.destroy();
			window.removeEventListener('scroll', onScroll);
			window.removeEventListener('online', this.saver.retryNow);
		};
	}

	/** The rating the server holds for this device: acknowledged here, or loaded with the page. */
	ratingOf(area: number): HeldRating {
		if (area in this.saver.saved) return { has: true, level: this.saver.saved[area] };
		const ratings = this.#data().ballot?.ratings ?? {};
		return { has: area in ratings, level: ratings[area] ?? null };
	}

	/** For the window's keydown: remembers when an arrow key was pressed (see `choose`). */
	onKeydown = (event: KeyboardEvent): void => {
		if (event.key.startsWith('Arrow')) this.#lastArrow = performance.now();
	};

	/**
	 * Saves a choice ("unknown": cannot judge). A tap or Space saves at once; a change that an arrow
	 * key caused waits 700 ms for the next one, so arrowing from level 1 to 4 sends one request (and
	 * the saver sends only the newest choice anyway: the last one always wins).
	 */
	choose(area: number, value: string): void {
		const level = (value === 'unknown' ? null : Number(value)) as RatingValue;
		const byArrow = performance.now() - this.#lastArrow < 100;
		this.saver.save(area, level, byArrow ? ARROW_DELAY_MS : 0);
	}

	#scheduleLayout(): void {
		if (!this.saver.busy) void this.#applyLayout();
	}

	async #applyLayout(): Promise<void> {
		const target = [...this.openNow];
		if (target.join() === this.shownOpen.join()) return;
		const focus = focusedArea();
		const anchor = focus !== null && target.includes(focus) ? document.getElementById(`area-${focus}`) : null;
		const before = anchor?.getBoundingClientRect().top ?? 0;
		const opened = target.filter((a) => !this.shownOpen.includes(a));
		this.shownOpen = target;
		if (opened.length > 0) {
			const names = opened.map((n) => `${n}. ${this.#data().workshop.areas.find((a) => a.number === n)?.name ?? ''}`);
			this.announcement = format(this.#messages().areaOpened, { names: names.join(', ') });
			for (const a of opened) this.saver.clear(a);
		}
		await tick();
		if (anchor?.isConnected) window.scrollBy(0, anchor.getBoundingClientRect().top - before);
		if (focus !== null && !target.includes(focus) && (document.activeElement === document.body || !document.activeElement)) {
			// The area the person was in has closed: keep keyboard focus there, on its closed line.
			document.getElementById(`area-title-${focus}`)?.focus();
		}
		const first = opened[0];
		const firstEl = first !== undefined ? document.getElementById(`area-${first}`) : null;
		this.jumpTo = firstEl && firstEl.getBoundingClientRect().top < 0 ? first! : null;
	}
}

/** The area whose rating form holds the keyboard focus (the person is choosing there). */
function focusedArea(): number | null {
	const formEl = document.activeElement?.closest('form[data-area]');
	return formEl ? Number(formEl.getAttribute('data-area')) : null;
}
