/**
 * Bulk catalog import: a file of JSON lines in ({@code POST /api/v1/catalog/imports}), a stream of NDJSON progress
 * lines out. Format and answers: docs/catalog-import.md.
 */
package io.musicstream.infra.catalog.imports;
