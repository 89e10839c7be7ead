import { lazy, Suspense } from 'react';
import type { EChartProps } from './EChart';

// ECharts is the largest library of the pages that draw charts: it loads while their data
// loads, so a page shows its header, figures and tables first (UI.md §4: ≤ 500 KB gzip for the
// JavaScript a role's home needs before it shows).
const EChart = lazy(() => import('./EChart'));
const HeatmapEChart = lazy(() => import('./heatmap').then(() => import('./EChart')));

interface ChartProps extends EChartProps {
  /** The chart draws a heat map: its parts are loaded with it. */
  heatmap?: boolean;
}

/** An ECharts chart; until its code is there, an empty frame of the same size holds its place. */
export function Chart({ heatmap = false, ...props }: ChartProps) {
  const Drawn = heatmap ? HeatmapEChart : EChart;
  const placeholder = (
    <div
      role="img"
      aria-label={props.label}
      aria-busy="true"
      style={{ width: '100%', height: props.height ?? 320 }}
    />
  );
  return (
    <Suspense fallback={placeholder}>
      <Drawn {...props} />
    </Suspense>
  );
}
