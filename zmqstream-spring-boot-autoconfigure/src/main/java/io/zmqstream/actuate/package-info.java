/**
 * The {@code zmq} actuator endpoint, which shows the loop and every stream and pauses and resumes
 * listeners, the {@code zmq} health indicator, and the sanitizing of secret keys in actuator output.
 */
package io.zmqstream.actuate;
