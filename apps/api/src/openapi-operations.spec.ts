import type { OpenAPIObject } from '@nestjs/swagger';
type ResponseObject = { description: string };
import { completeOperations } from './openapi-operations';

function documentWith(paths: Record<string, Record<string, unknown>>): OpenAPIObject {
  return { openapi: '3.0.0', info: { title: 't', version: '1' }, paths } as OpenAPIObject;
}

const ERROR_CONTENT = {
  'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } },
};

describe('completing the OpenAPI operations centrally', () => {
  it('gives a public route security [] and its input error, with the error shape', () => {
    const document = completeOperations(
      documentWith({
        '/auth/login': {
          post: {
            operationId: 'AuthController_login',
            summary: 'Exchanges a username and password for tokens.\nThe refresh token: a cookie.',
            requestBody: { content: {} },
            responses: { 200: { description: '' } },
          },
        },
      }),
    );
    const login = document.paths['/auth/login'].post!;
    expect(login.security).toEqual([]);
    expect(login.summary).toBe('Exchanges a username and password for tokens');
    expect(login.description).toContain('The refresh token: a cookie.');
    expect(Object.keys(login.responses).sort()).toEqual(['200', '400']);
    expect(login.responses['400']).toMatchObject({ content: ERROR_CONTENT });
    expect((login.responses['400'] as unknown as ResponseObject).description).toContain(
      'code: VALIDATION_FAILED',
    );
    expect(document.components!.schemas!.ErrorResponse).toMatchObject({
      required: ['statusCode', 'code', 'message'],
    });
  });

  it('lists 401, 403 and 404 for a secured route on a record, keeps what the route declared', () => {
    const document = completeOperations(
      documentWith({
        '/agencies/{id}': {
          patch: {
            operationId: 'AgenciesController_updateOne',
            tags: ['agencies'],
            parameters: [{ name: 'id', in: 'path' }],
            security: [{ bearer: [] }],
            responses: {
              200: { description: '' },
              403: { description: 'Allowed roles: admin' },
              409: { description: 'Stale version' },
            },
          },
        },
      }),
    );
    const update = document.paths['/agencies/{id}'].patch!;
    expect(update.summary).toBe('Update one (agencies)');
    expect(update.security).toEqual([{ bearer: [] }]);
    expect(Object.keys(update.responses).sort()).toEqual([
      '200',
      '400',
      '401',
      '403',
      '404',
      '409',
    ]);
    expect((update.responses['403'] as unknown as ResponseObject).description).toMatch(
      /^Allowed roles: admin \(code: FORBIDDEN\)/,
    );
    expect(update.responses['409']).toMatchObject({ content: ERROR_CONTENT });
    expect(update.responses['200']).toEqual({ description: '' });
  });

  it('adds no input error to a route that takes no input', () => {
    const document = completeOperations(
      documentWith({
        '/auth/me': {
          get: { summary: 'The caller.', security: [{ bearer: [] }], responses: {} },
        },
      }),
    );
    expect(Object.keys(document.paths['/auth/me'].get!.responses).sort()).toEqual(['401', '403']);
    expect(document.paths['/auth/me'].get!.summary).toBe('The caller');
  });
});
