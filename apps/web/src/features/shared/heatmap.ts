import { use } from 'echarts/core';
import { HeatmapChart } from 'echarts/charts';
import { VisualMapComponent } from 'echarts/components';

// Loaded by <Chart heatmap> before the chart itself (./Chart.tsx).
use([HeatmapChart, VisualMapComponent]);
