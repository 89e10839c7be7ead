import { applyChanges } from './apply-changes';

class PartialDto {
  fullName?: string = undefined;
  position?: string | null = undefined;
}

describe('applyChanges', () => {
  it('copies what the request named, null included, and leaves the rest as stored', () => {
    const stored: { fullName: string; position: string | null; active: boolean } = {
      fullName: 'Nguyễn Thị Hoà',
      position: 'Giám đốc',
      active: true,
    };
    const changes = Object.assign(new PartialDto(), { position: null });
    expect(applyChanges(stored, changes)).toEqual({
      fullName: 'Nguyễn Thị Hoà',
      position: null,
      active: true,
    });
  });
});
