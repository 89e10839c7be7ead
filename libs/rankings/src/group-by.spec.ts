import { groupBy } from './group-by';

describe('groupBy', () => {
  it.each([
    { items: [], expected: [] },
    { items: ['a1'], expected: [['a', ['a1']]] },
    {
      items: ['b1', 'a1', 'b2', 'c1', 'a2'],
      expected: [
        ['b', ['b1', 'b2']],
        ['a', ['a1', 'a2']],
        ['c', ['c1']],
      ],
    },
  ])('groups $items by their first letter, in the order they came', ({ items, expected }) => {
    expect([...groupBy(items, (item) => item[0])]).toEqual(expected);
  });
});
