package dev.singletable.web;

/** One invalid input of a request: the field (or query parameter) and what is wrong with it. */
record FieldProblem(String field, String message) {
}
