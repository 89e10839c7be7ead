/** The five checks of SPEC §7 as people name them. */
export const CHECK_LABELS: Record<string, string> = {
  allQuarters: 'Đủ các quý được duyệt',
  gradeA: 'Xếp loại Xuất sắc',
  notDisqualified: 'Không bị loại trừ',
  noIncidents: 'Không có vi phạm',
  topShare: 'Trong nhóm đứng đầu',
};

export function checkLabel(check: string): string {
  return CHECK_LABELS[check] ?? check;
}
