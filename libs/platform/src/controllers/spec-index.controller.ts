import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { EXTENSION_NAMES, allowedExtensionName, type ExtensionName, type PointOrigin } from '@app/contract';
import { UnknownRouteError } from '../errors/service-errors.js';
import { SpecRegistry } from '../registry/spec-registry.js';

export interface SpecIndex {
  readonly spec: string;
  readonly title: string;
  readonly contractVersion: string;
  /** The specification it derives from, if any. */
  readonly extends: string | null;
  /** The points the specification implements itself. */
  readonly nativeExtensions: readonly ExtensionName[];
  /** The points answered by a specification it extends. */
  readonly derivedExtensions: readonly ExtensionName[];
  /** The points answered with the fallback (`default`) behaviour. */
  readonly defaultedExtensions: readonly ExtensionName[];
  /** For each of the 24 points: own, derived or default, and the id of the specification that answers it. */
  readonly points: Readonly<Record<ExtensionName, PointOrigin>>;
  /** What to paste into `allowed_extensions` in deployment.toml. */
  readonly allowedExtensions: readonly string[];
}

@Controller()
@ApiTags('Service')
export class SpecIndexController {
  constructor(private readonly registry: SpecRegistry) {}

  @Get(':spec')
  @ApiOperation({
    operationId: 'describeSpec',
    summary:
      'Where each extension point of a specification is answered: its own handler, a base it derives from, or the default.',
  })
  describe(@Param('spec') specId: string): SpecIndex {
    const spec = this.registry.find(specId);
    if (!spec) {
      throw new UnknownRouteError(`Specification "${specId}" is not served here`);
    }
    return {
      spec: spec.plugin.id,
      title: spec.plugin.title,
      contractVersion: '1.0.4',
      extends: spec.plugin.extends ?? null,
      nativeExtensions: spec.nativePoints,
      derivedExtensions: EXTENSION_NAMES.filter((name) => spec.origins[name].origin === 'derived'),
      defaultedExtensions: EXTENSION_NAMES.filter((name) => spec.origins[name].origin === 'default'),
      points: spec.origins,
      allowedExtensions: EXTENSION_NAMES.map(allowedExtensionName),
    };
  }
}
