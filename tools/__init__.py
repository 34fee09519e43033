"""Tools for the project's maintainers: the drawing's generator, screenshots, the dependency audit."""
