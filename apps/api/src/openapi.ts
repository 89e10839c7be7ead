import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { completeOperations } from './openapi-operations';

/**
 * The OpenAPI document integrators build on (served at /api/docs-json): every operation with a
 * summary, its error answers and its security, completed centrally so new routes get them too.
 */
export function buildOpenApiDocument(app: INestApplication, apiPrefix: string): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Thi đua API')
      .setDescription(
        'Emulation and commendation on the codes of conduct: evaluations, rankings, roll-ups, nominations.',
      )
      .setVersion('1.0')
      .setLicense('UNLICENSED', 'https://choosealicense.com/no-permission/')
      .addServer(`/${apiPrefix}`)
      .addBearerAuth()
      .build(),
    { ignoreGlobalPrefix: true },
  );
  return completeOperations(document);
}
