const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
];
const MIDDLE_FEMALE = ['Thị', 'Thu', 'Ngọc', 'Thanh', 'Hồng', 'Minh', 'Phương', 'Kim'];
const MIDDLE_MALE = ['Văn', 'Hữu', 'Đức', 'Minh', 'Quang', 'Thanh', 'Quốc', 'Xuân'];
const GIVEN_FEMALE = [
  'Hoà',
  'An',
  'Chi',
  'Giang',
  'Hà',
  'Hạnh',
  'Hoa',
  'Hương',
  'Lan',
  'Linh',
  'Mai',
  'Ngân',
  'Nhung',
  'Phương',
  'Quỳnh',
  'Tâm',
  'Thảo',
  'Trang',
  'Vân',
  'Yến',
  'Ánh',
  'Huệ',
];
const GIVEN_MALE = [
  'Bình',
  'Dũng',
  'Hải',
  'Hiếu',
  'Hùng',
  'Khánh',
  'Long',
  'Minh',
  'Nam',
  'Phong',
  'Quân',
  'Sơn',
  'Tuấn',
  'Thắng',
  'Trung',
  'Việt',
  'Đức',
  'Cường',
  'Lộc',
  'Toàn',
];

/** A small deterministic generator, so the demo data is the same on every start. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

/** A plausible Vietnamese full name. */
export function vietnameseName(random: () => number): string {
  const female = random() < 0.5;
  return [
    pick(random, FAMILY),
    pick(random, female ? MIDDLE_FEMALE : MIDDLE_MALE),
    pick(random, female ? GIVEN_FEMALE : GIVEN_MALE),
  ].join(' ');
}
