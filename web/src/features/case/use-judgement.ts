import { useEffect, useState } from 'react'
import { useApi } from '../../api/api-context'
import { messageOf } from '../../lib/use-load'
import { type JudgementChecklist, loadJudgement } from './case-data'

/** The judgement checklist for the chosen harm, or why there is none. */
export function useJudgement(harm: string): {
  checklist: JudgementChecklist | undefined
  problem: string | undefined
} {
  const api = useApi()
  const [state, setState] = useState<{ checklist?: JudgementChecklist; problem?: string }>({})
  useEffect(() => {
    setState({})
    if (!harm) return
    let live = true
    loadJudgement(api, harm).then(
      (checklist) => live && setState({ checklist }),
      (error: unknown) =>
        live && setState({ problem: `No judgement checklist for this harm: ${messageOf(error)}` }),
    )
    return () => {
      live = false
    }
  }, [api, harm])
  return { checklist: state.checklist, problem: state.problem }
}
