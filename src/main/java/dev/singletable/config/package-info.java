/**
 * The bundled engine as the service hosts it: its options, its wire port, its meters, and the standalone engine server
 * ({@code --engine-only}). The only module that may use the engine's own API (see {@code ArchitectureTest}).
 */
@ApplicationModule(displayName = "Engine wiring", allowedDependencies = {})
package dev.singletable.config;

import org.springframework.modulith.ApplicationModule;
