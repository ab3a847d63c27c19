import type { AnchorHTMLAttributes, MouseEvent } from 'react'
import { href, navigate } from '../lib/router'

interface LinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  /** A path inside the console, e.g. '/queues'. */
  to: string
}

/** An ordinary link that changes page without a reload (modified clicks still open a tab). */
export function Link({ to, onClick, ...rest }: LinkProps) {
  function follow(event: MouseEvent<HTMLAnchorElement>): void {
    onClick?.(event)
    if (event.defaultPrevented || event.button !== 0) return
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
    event.preventDefault()
    navigate(to)
  }
  return <a href={href(to)} onClick={follow} {...rest} />
}
