import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { EXTENSION_NAMES, allowedExtensionName, type ExtensionName } from '@app/contract';
import { UnknownRouteError } from '../errors/service-errors.js';
import { SpecRegistry } from '../registry/spec-registry.js';

export interface SpecIndex {
  readonly spec: string;
  readonly title: string;
  readonly contractVersion: string;
  /** The points the specification implements itself. */
  readonly nativeExtensions: readonly ExtensionName[];
  /** The points answered with the fallback (`default`) behaviour. */
  readonly defaultedExtensions: readonly ExtensionName[];
  /** What to paste into `allowed_extensions` in deployment.toml. */
  readonly allowedExtensions: readonly string[];
}

@Controller()
@ApiTags('Service')
export class SpecIndexController {
  constructor(private readonly registry: SpecRegistry) {}

  @Get(':spec')
  @ApiOperation({ operationId: 'describeSpec', summary: 'Which extension points a specification implements natively.' })
  describe(@Param('spec') specId: string): SpecIndex {
    const spec = this.registry.find(specId);
    if (!spec) {
      throw new UnknownRouteError(`Specification "${specId}" is not served here`);
    }
    return {
      spec: spec.plugin.id,
      title: spec.plugin.title,
      contractVersion: '1.0.4',
      nativeExtensions: spec.nativePoints,
      defaultedExtensions: EXTENSION_NAMES.filter((name) => !spec.nativePoints.includes(name)),
      allowedExtensions: EXTENSION_NAMES.map(allowedExtensionName),
    };
  }
}
