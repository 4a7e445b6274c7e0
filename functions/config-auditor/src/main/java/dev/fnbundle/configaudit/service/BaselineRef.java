package dev.fnbundle.configaudit.service;

/**
 * The approved baseline version an audit compared against.
 *
 * @param name    the baseline name
 * @param version its version, from 1
 */
public record BaselineRef(String name, long version) {
}
