/** The agencies named in SPEC §1 and a few more, with the units every agency has. */
export const DEMO_AGENCIES = [
  { code: 'STC', name: 'Sở Tài chính', shortName: 'STC' },
  { code: 'SKHDT', name: 'Sở Kế hoạch và Đầu tư', shortName: 'SKHĐT' },
  { code: 'SVHTT', name: 'Sở Văn hóa và Thể thao', shortName: 'SVHTT' },
  { code: 'SNV', name: 'Sở Nội vụ', shortName: 'SNV' },
  { code: 'STP', name: 'Sở Tư pháp', shortName: 'STP' },
  { code: 'SYT', name: 'Sở Y tế', shortName: 'SYT' },
  { code: 'SGDDT', name: 'Sở Giáo dục và Đào tạo', shortName: 'SGDĐT' },
  { code: 'SXD', name: 'Sở Xây dựng', shortName: 'SXD' },
] as const;

export const DEMO_UNITS = [
  { code: 'VP', name: 'Văn phòng', parent: null },
  { code: 'HC', name: 'Tổ Hành chính - Quản trị', parent: 'VP' },
  { code: 'MOTCUA', name: 'Bộ phận một cửa', parent: 'VP' },
  { code: 'TCCB', name: 'Phòng Tổ chức cán bộ', parent: null },
  { code: 'NV', name: 'Phòng Nghiệp vụ', parent: null },
  { code: 'TTRA', name: 'Thanh tra Sở', parent: null },
] as const;

export const DEMO_POSITIONS = [
  'Giám đốc',
  'Phó Giám đốc',
  'Trưởng phòng',
  'Phó Trưởng phòng',
  'Chuyên viên',
  'Chuyên viên chính',
  'Cán sự',
  'Nhân viên',
];

export const DEMO_PASSWORD = 'thidua-demo';

/** Demo logins of SPEC §12 (all with the password `thidua-demo`). */
export const DEMO_USERS = [
  { username: 'admin', role: 'admin', agency: null },
  { username: 'hr.stc', role: 'hr_officer', agency: 'STC' },
  { username: 'head.stc', role: 'department_head', agency: 'STC' },
  { username: 'nominator.stc', role: 'nominator', agency: 'STC' },
  { username: 'inspector', role: 'inspector', agency: null },
] as const;

export const PEOPLE_PER_AGENCY = 40;
