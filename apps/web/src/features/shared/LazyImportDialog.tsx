import { type ComponentProps, lazy, Suspense } from 'react';
import type { ImportDialog as LoadedDialog } from './ImportDialog';

const ImportDialog = lazy(() =>
  import('./ImportDialog').then((module) => ({ default: module.ImportDialog })),
);

/**
 * The import dialog, loaded the first time it opens: the pages that offer an import (the grid,
 * the people) show without its upload code and its table of rejected rows (UI.md §4's budget).
 */
export function LazyImportDialog(props: ComponentProps<typeof LoadedDialog>) {
  if (!props.open) return null;
  return (
    <Suspense fallback={null}>
      <ImportDialog {...props} />
    </Suspense>
  );
}
