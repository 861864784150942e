import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter(),
		alias: {
			$db: 'db'
		},
		// Content-Security-Policy. 'auto': SvelteKit adds a nonce to its own inline start script on
		// rendered pages (a hash on prerendered ones); no other inline script runs. Styles need
		// 'unsafe-inline': Svelte renders `style:` directives (chart heights) as style attributes,
		// which a nonce or hash cannot cover; styles cannot run code. QR codes are inline SVG and
		// the live streams (EventSource) go to the same origin.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
