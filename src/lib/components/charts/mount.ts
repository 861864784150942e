type ChartJs = typeof import('chart.js');

/**
 * Loads chart.js when a chart component mounts (so only pages with charts download it), lets
 * `build` register what it uses and create the chart, and returns onMount's cleanup: it destroys
 * the chart, or skips building it when the component went away before chart.js arrived.
 */
export function mountChart(build: (chartjs: ChartJs) => { destroy(): void }): () => void {
	let chart: { destroy(): void } | undefined;
	let destroyed = false;
	void import('chart.js').then((chartjs) => {
		if (!destroyed) chart = build(chartjs);
	});
	return () => {
		destroyed = true;
		chart?.destroy();
	};
}
