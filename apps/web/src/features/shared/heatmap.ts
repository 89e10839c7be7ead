import { use } from 'echarts/core';
import { HeatmapChart } from 'echarts/charts';
import { VisualMapComponent } from 'echarts/components';

// A page that draws a heat map with <Chart> imports this module once: `import '../shared/heatmap'`.
use([HeatmapChart, VisualMapComponent]);
