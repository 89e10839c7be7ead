import { pathOf } from './url-path';

describe('pathOf', () => {
  it.each([
    [undefined, '/'],
    ['', '/'],
    ['/', '/'],
    ['/api/rankings?period=2026-Q3', '/api/rankings'],
    ['/api/x?a=1?b=2', '/api/x'],
    ['?only=query', '/'],
    ['/assets/', '/assets/'],
  ])('%p → %p', (url, path) => {
    expect(pathOf(url)).toBe(path);
  });
});
