import { filesOfRoute, pageModules, type Manifest } from './web-bundle';

describe('the JavaScript a route needs (web benchmark)', () => {
  const manifest: Manifest = {
    'index.html': {
      file: 'assets/index.js',
      isEntry: true,
      imports: ['_react.js', '_antd.js'],
      dynamicImports: ['src/app/AppLayout.tsx', 'src/features/a/APage.tsx'],
    },
    '_react.js': { file: 'assets/react.js' },
    '_antd.js': { file: 'assets/antd.js', imports: ['_react.js'] },
    '_charts.js': { file: 'assets/charts.js' },
    '_style.css': { file: 'assets/style.css' },
    'src/app/AppLayout.tsx': {
      file: 'assets/AppLayout.js',
      isDynamicEntry: true,
      imports: ['_antd.js', '_style.css'],
    },
    'src/features/a/APage.tsx': {
      file: 'assets/APage.js',
      isDynamicEntry: true,
      imports: ['_charts.js', 'index.html'],
      dynamicImports: ['src/features/a/Heavy.tsx'],
    },
    'src/features/a/Heavy.tsx': { file: 'assets/Heavy.js', isDynamicEntry: true },
  };

  it('takes the entry and its static imports for the login page, no lazy page', () => {
    expect(filesOfRoute(manifest, []).sort()).toEqual([
      'assets/antd.js',
      'assets/index.js',
      'assets/react.js',
    ]);
  });

  it('adds the named lazy modules with their static imports, once each, JavaScript only', () => {
    expect(
      filesOfRoute(manifest, ['src/app/AppLayout.tsx', 'src/features/a/APage.tsx']).sort(),
    ).toEqual([
      'assets/APage.js',
      'assets/AppLayout.js',
      'assets/antd.js',
      'assets/charts.js',
      'assets/index.js',
      'assets/react.js',
    ]);
  });

  it("with its lazy parts, follows the named modules' dynamic imports, not the entry's", () => {
    expect(
      filesOfRoute(manifest, ['src/features/a/APage.tsx'], { withLazyParts: true }).sort(),
    ).toEqual([
      'assets/APage.js',
      'assets/Heavy.js',
      'assets/antd.js',
      'assets/charts.js',
      'assets/index.js',
      'assets/react.js',
    ]);
  });

  it('refuses a module the build does not have', () => {
    expect(() => filesOfRoute(manifest, ['src/missing.tsx'])).toThrow(/no chunk src\/missing/);
  });

  it('reads each page path and its lazy module from the table of pages', () => {
    const source = `
      { path: '/dashboard', menuLabel: 'Tổng quan', roles: ['department_head'],
        component: lazy(() => import('../features/dashboard/DashboardPage')) },
      { path: '/rankings/history/:subjectType/:subjectId', roles: ALL_ROLES,
        component: lazy(() => import('../features/rankings/HistoryPage')) },`;
    expect([...pageModules(source)]).toEqual([
      ['/dashboard', 'src/features/dashboard/DashboardPage.tsx'],
      ['/rankings/history/:subjectType/:subjectId', 'src/features/rankings/HistoryPage.tsx'],
    ]);
  });
});
