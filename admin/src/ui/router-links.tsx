import {
  Anchor,
  type AnchorProps,
  Button,
  type ButtonProps,
  NavLink,
  type NavLinkProps,
} from '@mantine/core';
import { createLink } from '@tanstack/react-router';
import type { ComponentProps } from 'react';

/**
 * Mantine components wired to the router: typed `to`/`params`/`search`, real <a href> for
 * middle-click and screen readers, and client-side navigation on click.
 */
function AnchorBase(props: AnchorProps & ComponentProps<'a'>) {
  return <Anchor {...props} />;
}

function ButtonBase(props: ButtonProps & ComponentProps<'a'>) {
  return <Button component="a" {...props} />;
}

function NavLinkBase(props: NavLinkProps & ComponentProps<'a'>) {
  return <NavLink component="a" {...props} />;
}

export const AnchorLink = createLink(AnchorBase);
export const ButtonLink = createLink(ButtonBase);
export const NavLinkLink = createLink(NavLinkBase);
