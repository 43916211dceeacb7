// A specification reaching out of its library three ways, each caught by one pattern group of the rule that
// eslint.config.mjs sets for libs/spec-*: its own (the platform's entry point), the one every library carries (a
// relative path into another library's sources) and the one every file carries (a path through a libs/ folder).
// The contract's entry point and a file of its own library are allowed.
import { EXTENSION_NAMES } from '@app/contract';
import { CONTRACT_VERSION } from '@app/platform';
import { BETA } from '../../spec-beta/src/index.js';
import { BETA_VERSION } from '../../../libs/spec-beta/src/index.js';
import { ALPHA_NAME } from './alpha-name.js';

export const ALPHA = [ALPHA_NAME, EXTENSION_NAMES.length, CONTRACT_VERSION, BETA, BETA_VERSION].join(':');
