/**
 * The local stack behind `npm start`: dependencies and their HTTP gateways.
 * @module
 */
export { startStack, type Stack, type StackOptions } from './start-stack.ts';
