import { INestApplication, Type } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import { getMetadataStorage } from 'class-validator';

/** A field of a body or query DTO, as its validators describe it. */
export interface DtoField {
  name: string;
  optional: boolean;
  /** class-validator constraint names on the field (isInt, isIn, matches, …) with their arguments. */
  rules: { name: string; constraints: unknown[] }[];
}

/** One operation of the OpenAPI document, with what the fuzzer needs to build requests. */
export interface Operation {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  /** The path as the document writes it, without the /api server prefix: /people/{id}. */
  path: string;
  pathParams: string[];
  /** Query parameters: the document's, plus the fields of the route's query DTO. */
  queryFields: DtoField[];
  /** Undefined when the operation has no JSON body. */
  bodyFields?: DtoField[];
  /** The operation takes a multipart upload instead of JSON. */
  multipart: boolean;
}

interface OpenApiOperation {
  operationId: string;
  parameters?: { name: string; in: string; required?: boolean }[];
  requestBody?: { content: Record<string, { schema?: { properties?: Record<string, unknown> } }> };
}

type OpenApiDocument = { paths: Record<string, Record<string, OpenApiOperation>> };

function dtoFields(dto: Type | undefined): DtoField[] {
  if (!dto || dto === Object) return [];
  const fields = new Map<string, DtoField>();
  for (const meta of getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false)) {
    const field = fields.get(meta.propertyName) ?? {
      name: meta.propertyName,
      optional: false,
      rules: [],
    };
    if (meta.type === 'conditionalValidation') field.optional = true;
    const name = meta.name ?? meta.type;
    field.rules.push({ name, constraints: meta.constraints ?? [] });
    fields.set(meta.propertyName, field);
  }
  return [...fields.values()];
}

/** The controllers of the running app, by class name (the document's operationId prefix). */
function controllersByName(app: INestApplication): Map<string, Type> {
  const byName = new Map<string, Type>();
  for (const module of app.get(ModulesContainer).values())
    for (const wrapper of module.controllers.values())
      if (wrapper.metatype) byName.set(wrapper.metatype.name, wrapper.metatype as Type);
  return byName;
}

/** The DTO classes a handler takes for @Body() and @Query(). */
function handlerDtos(controller: Type, handler: string): { body?: Type; query?: Type } {
  const args: Record<string, { index: number; data?: unknown }> =
    Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, handler) ?? {};
  const types: Type[] =
    Reflect.getMetadata('design:paramtypes', controller.prototype, handler) ?? [];
  const dtos: { body?: Type; query?: Type } = {};
  for (const [key, arg] of Object.entries(args)) {
    const kind = Number(key.split(':')[0]);
    if (arg.data !== undefined) continue;
    if (kind === RouteParamtypes.BODY) dtos.body = types[arg.index];
    if (kind === RouteParamtypes.QUERY) dtos.query = types[arg.index];
  }
  return dtos;
}

/**
 * Every operation of the app's own OpenAPI document, so that a new route is fuzzed without
 * touching the suite. Field shapes come from the DTO classes' validators: under Jest the
 * swagger CLI plugin does not run, so the document's schemas have no properties there.
 */
export function operationsOf(app: INestApplication, document: OpenApiDocument): Operation[] {
  const controllers = controllersByName(app);
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const [controllerName, handler] = operation.operationId.split('_');
      const controller = controllers.get(controllerName);
      if (!controller) throw new Error(`${operation.operationId}: no such controller in the app`);
      const dtos = handlerDtos(controller, handler);
      const parameters = operation.parameters ?? [];
      const queryFields = dtoFields(dtos.query);
      for (const parameter of parameters.filter((p) => p.in === 'query'))
        if (!queryFields.some((field) => field.name === parameter.name))
          queryFields.push({ name: parameter.name, optional: !parameter.required, rules: [] });
      const content = operation.requestBody?.content ?? {};
      const multipart = 'multipart/form-data' in content;
      const json = content['application/json'];
      let bodyFields: DtoField[] | undefined;
      if (json) {
        bodyFields = dtoFields(dtos.body);
        for (const name of Object.keys(json.schema?.properties ?? {}))
          if (!bodyFields.some((field) => field.name === name))
            bodyFields.push({ name, optional: true, rules: [] });
      }
      operations.push({
        method: method as Operation['method'],
        path,
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        queryFields,
        bodyFields,
        multipart,
      });
    }
  }
  return operations;
}
