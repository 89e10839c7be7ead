import { ticketPathOf, withoutTicket } from './download-ticket';

describe('download ticket addresses', () => {
  it.each([
    ['/api/nominations/3/export?format=pdf&ticket=abc', '/api/nominations/3/export?format=pdf'],
    ['/api/nominations/3/export?ticket=abc&format=pdf', '/api/nominations/3/export?format=pdf'],
    ['/api/reports/summary?period=2025&format=csv', '/api/reports/summary?period=2025&format=csv'],
    ['/api/rankings/export', '/api/rankings/export'],
  ])('binds %s to %s', (url, path) => expect(ticketPathOf(url)).toBe(path));

  it.each([
    ['/api/x?format=pdf&ticket=eyJ.a.b', '/api/x?format=pdf&ticket=[Redacted]'],
    ['/api/x?ticket=eyJ.a.b&format=pdf', '/api/x?ticket=[Redacted]&format=pdf'],
    ['/api/x?format=pdf', '/api/x?format=pdf'],
  ])('masks the ticket of %s in the log', (url, logged) => expect(withoutTicket(url)).toBe(logged));
});
