package dev.fnbundle.orders.packages;

import java.util.List;

/**
 * One listed package version after validation.
 *
 * @param listing  its index in the request's package list; -1 for the request's roots
 * @param name     the package name as first listed
 * @param version  its version
 * @param requires its requirements, in listed order
 */
record Candidate(int listing, String name, Version version, List<Requirement> requires) {
}
